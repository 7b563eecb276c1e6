// The gateway client and tokens are the shared platform steps' (`@nets/shared/testing`). This file only keeps
// the survey web journeys' import working until they import `@nets/shared/testing` themselves.
export { GatewayClient, tokens } from '@nets/shared/testing';
