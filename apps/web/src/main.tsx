import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { i18nReady } from './i18n';
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

const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <Provider value={client}>
        <App />
      </Provider>
    </StrictMode>,
  );
// An English visitor's texts arrive as their own chunk; render once they are there (or,
// should that chunk fail, in German rather than not at all).
void i18nReady.then(render, render);
