// The one shape every scorer returns. `value: null` means "does not apply", never a fake 0.

export interface Score {
  name: string;
  value: number | null;
  reason?: string;
  details?: Record<string, unknown>;
}

export function notApplicable(name: string, reason: string): Score {
  return { name, value: null, reason };
}
