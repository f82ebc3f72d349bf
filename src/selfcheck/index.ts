export * from './selfcheck-types';
export { runSelfcheck, faultProfile, type SelfcheckRequest } from './run-selfcheck';
export { judgeFault } from './judge-fault';
export { formatSelfcheckMarkdown, formatSelfcheckText } from './format-selfcheck';
