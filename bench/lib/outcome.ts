/** A section or figure that could not be taken this run, with the reason shown in RESULTS.md. */
export interface NotMeasured {
  status: 'not measured'
  reason: string
}

export type Outcome<T> = ({ status: 'measured' } & T) | NotMeasured

export function notMeasured(reason: string): NotMeasured {
  return { status: 'not measured', reason }
}

export function measured<T extends object>(value: T): { status: 'measured' } & T {
  return { status: 'measured', ...value }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
