// Fields every result carries (PY2 `models.ResultModel`: status_code, request_id, headers).
export interface ResultBase {
  statusCode: number;
  requestId: string;
  headers: Record<string, string>;
}

export interface Owner {
  id?: string;
  displayName?: string;
}
