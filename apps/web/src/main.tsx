import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import './i18n';
import './ui/styles.css';
import { App } from './App';
import { liveClient } from './ui/live';

const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return {
          subscribe(sink) {
            const unsubscribe = liveClient.subscribe(input, sink);
            return { unsubscribe };
          },
        };
      },
    }),
  ],
  // POST with a JSON body: Apollo Server's CSRF protection rejects simple GET requests.
  preferGetMethod: false,
  // The session is an HttpOnly cookie on this origin; say so explicitly, whatever the fetch default.
  fetchOptions: { credentials: 'same-origin' },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
