import { Module } from '@nestjs/common';
import { TopicResolver } from './topic.resolver';
import { TopicService } from './topic.service';

@Module({ providers: [TopicService, TopicResolver], exports: [TopicService] })
export class TopicsModule {}
