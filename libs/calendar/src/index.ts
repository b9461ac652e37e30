export * from './china-time';
export * from './working-day-calendar';
export * from './statutory-holidays';
export * from './arrangement-rules';
export * from './obligation-clock';
