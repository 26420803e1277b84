import type { FastifyError, FastifyInstance } from 'fastify';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** A failure the caller can act on: stable code, Chinese message, HTTP status. */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** 400 with per-field problems. */
export const invalid = (code: string, message: string, details?: ErrorDetail[]) => new DomainError(400, code, message, details);
/** 404: also what a resource outside the caller's scope answers. */
export const notFound = (code: string, message: string) => new DomainError(404, code, message);
export const forbidden = (code = 'ACCESS.FORBIDDEN', message = '您没有执行此操作的权限') => new DomainError(403, code, message);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError(409, code, message, details);
export const unauthenticated = () => new DomainError(401, 'AUTH.REQUIRED', '请先登录');

const KEYWORD_MESSAGES: Record<string, (params: Record<string, unknown>) => string> = {
  required: (p) => `缺少必填字段 ${String(p.missingProperty ?? '')}`.trim(),
  minLength: (p) => `长度不能少于 ${String(p.limit)} 个字符`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)} 个字符`,
  pattern: () => '格式不正确',
  format: (p) => `格式不正确（应为 ${String(p.format)}）`,
  enum: () => '取值不在允许范围内',
  const: () => '取值不在允许范围内',
  type: (p) => `类型不正确（应为 ${String(p.type)}）`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  minItems: (p) => `至少需要 ${String(p.limit)} 项`,
  maxItems: (p) => `最多允许 ${String(p.limit)} 项`,
  additionalProperties: (p) => `不允许的字段 ${String(p.additionalProperty ?? '')}`.trim(),
  anyOf: () => '取值不符合任何允许的形式',
  uniqueItems: () => '不能包含重复项',
};

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function validationDetails(error: FastifyError): ErrorDetail[] {
  const issues = (error.validation ?? []) as AjvIssue[];
  const context = error.validationContext ?? 'body';
  return issues.map((issue) => {
    const prop = issue.keyword === 'required' ? `/${String(issue.params.missingProperty)}` : '';
    const path = `${context}${issue.instancePath}${prop}`.replace(/\//g, '.');
    const message = KEYWORD_MESSAGES[issue.keyword]?.(issue.params) ?? '取值不正确';
    return { path, message };
  });
}

/** One error handler for the whole app: the envelope `{ error: { code, message, details?, requestId } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const requestId = request.id;
    if (error instanceof DomainError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details, requestId } });
    }
    if ((error as FastifyError).validation) {
      return reply.status(400).send({
        error: { code: 'VALIDATION.FAILED', message: '提交的数据不符合要求', details: validationDetails(error as FastifyError), requestId },
      });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'RATE.LIMITED', message: '请求过于频繁，请稍后再试', requestId } });
    }
    if (status === 415) {
      return reply.status(415).send({ error: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型', requestId } });
    }
    if (status >= 400 && status < 500) {
      const code = (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'REQUEST.TOO_LARGE' : 'REQUEST.INVALID';
      const message = code === 'REQUEST.TOO_LARGE' ? '请求内容过大' : '请求格式不正确';
      return reply.status(status).send({ error: { code, message, requestId } });
    }
    // Never leak stack traces, SQL or secrets: log them, answer a generic message.
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '系统内部错误，请稍后再试或联系管理员', requestId } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: '请求的资源不存在', requestId: request.id } });
  });
}
