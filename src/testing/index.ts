// Test helpers, exported as `evalgate/testing` for users' own tests: fake OpenAI and Anthropic
// servers that speak the real wire formats on 127.0.0.1, and a scripted in-process model.
export { startFakeOpenAIServer, openAIErrorBody } from './fake-openai-server.js';
export type {
  FakeOpenAIServer,
  FakeOpenAIServerOptions,
  FakeChatReply,
  FakeTokenLogprob,
} from './fake-openai-server.js';
export { startFakeAnthropicServer, anthropicErrorBody } from './fake-anthropic-server.js';
export type {
  FakeAnthropicServer,
  FakeAnthropicServerOptions,
  FakeMessageReply,
} from './fake-anthropic-server.js';
export type { FakeFailure } from './fake-failure.js';
export type { FakeBatchApi, FakeBatchOptions, FakeBatchStats } from './fake-openai-batch.js';
export type { RecordedRequest } from './fake-http-server.js';
export { createScriptedModel } from './scripted-model.js';
export type { ScriptedAnswer, ScriptedModel, ScriptedModelOptions } from './scripted-model.js';
export { createFakeClock } from './fake-clock.js';
export type { FakeClock } from './fake-clock.js';
export { createVirtualClock } from './virtual-clock.js';
export type { VirtualClock } from './virtual-clock.js';
export type { FakeRateLimitOptions, FakeRateLimiter } from './fake-rate-limit.js';
