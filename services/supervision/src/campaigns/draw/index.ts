export * from './draw';
export * from './hmac-uniform';
export * from './verify';
export { defaultDrawThreads } from './parallel-uniforms';
