/**
 * The body of an API error as the routes answer it: `{ error, message }` today, RFC 9457
 * problem+json (`type`, `title`, `detail`, `status`) once the route wrapper lands. Both are read.
 */
export interface ApiProblem {
  error?: string;
  message?: string;
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  invalid_params?: { name: string; reason: string }[];
  [field: string]: unknown;
}

/** Any answer of the API that is not a success: its HTTP status and the problem it described, if any. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly problem: ApiProblem | null,
  ) {
    super(problem?.detail ?? problem?.message ?? problem?.title ?? `The server answered ${status}.`);
  }

  /** The problem's stable code (`error`, or the problem+json `type`), for branching on a kind of failure. */
  get code(): string | null {
    return this.problem?.error ?? this.problem?.type ?? null;
  }

  /** Whether a query's error is the API answering `status` (and not, say, the network failing). */
  static isStatus(error: unknown, status: number): error is ApiError {
    return error instanceof ApiError && error.status === status;
  }

  /** The error for a failed response; a body that is not a JSON object (a proxy's HTML page) leaves `problem` null. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = /json/.test(response.headers.get("content-type") ?? "") ? await response.json().catch(() => null) : null;
    const problem = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as ApiProblem) : null;
    return new ApiError(response.status, problem);
  }
}
