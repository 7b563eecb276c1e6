export * from './response.repository';
export * from './response-comment.repository';
export * from './response-draft.repository';
export * from './sensitive-data.repository';
export * from './feedback-release.repository';
