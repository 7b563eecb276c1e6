/** Set on the test file's global by the failure-aware environment when a test or hook fails. */
export const FAILURE_FLAG = '__NETS_E2E_FAILED__';

export function anyTestFailed(): boolean {
  return (globalThis as Record<string, unknown>)[FAILURE_FLAG] === true;
}
