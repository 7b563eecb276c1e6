let recording = true;

/**
 * Whether the per-request and per-event metrics are recorded: off with `METRICS_ENABLED=false` (the
 * benchmark's "without" run), so the hooks cost one branch.
 */
export function metricsRecording(): boolean {
  return recording;
}

export function setMetricsRecording(enabled: boolean): void {
  recording = enabled;
}
