// The public verification page /verify: server-rendered, works without JavaScript (a plain
// multipart form), small, and says in words what the verdict means.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { contextOf } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { Html, html, page } from '../portal/html.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import { VERDICT_LABELS, verifySubmission, type Verification } from './verify.service.ts';

const MAX_FILE = 20 * 1024 * 1024;

const PAGE_STYLE = new Html(`<style>
form label{display:block;font-weight:600;margin:.75rem 0 .25rem}
textarea{width:100%;min-height:7rem;font:inherit;font-size:.875rem;box-sizing:border-box}
input[type=file]{font:inherit}
button{font:inherit;font-size:1.125rem;background:#b0160f;color:#fff;border:0;border-radius:4px;padding:.5rem 2rem;margin-top:1rem;cursor:pointer}
.hint{color:var(--muted);font-size:.875rem;margin:.25rem 0}
.verdict{border-width:3px}.verdict h2{margin-top:0}
.ok{border-color:#237804}.ok h2{color:#237804}.bad{border-color:#b0160f}.bad h2{color:#b0160f}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{color:var(--muted)}dd{margin:0;word-break:break-all}
.seal-img{float:right;width:120px;height:120px;margin:0 0 1rem 1rem}
code{font-size:.8125rem;word-break:break-all}
</style>`);

// Times are shown in China Standard Time, which is what a reader in the banner expects.
function cst(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}（北京时间）`;
}

const STATUS_LABELS: Record<string, string> = { active: '启用', suspended: '已暂停', revoked: '已吊销' };

function resultCard(v: Verification): Html {
  const ok = v.verdict === 'valid';
  const seal = v.seal;
  return html`<section class="card verdict ${ok ? 'ok' : 'bad'}" aria-labelledby="verdict" role="status">
${seal ? html`<img class="seal-img" src="/api/seals/${seal.id}/picture" alt="${seal.name}印章图样">` : ''}
<h2 id="verdict" data-verdict="${v.verdict}">${ok ? '✔' : '✘'} ${v.label}</h2>
<p>${v.message}</p>
<dl>
<dt>验证结论</dt><dd>${VERDICT_LABELS[v.verdict]}（${v.verdict}）</dd>
${seal ? html`<dt>盖章单位</dt><dd>${seal.orgName}${seal.uscc ? html`（统一社会信用代码 ${seal.uscc}）` : ''}</dd>
<dt>印章</dt><dd>${seal.name}（第 ${seal.keyVersion} 版密钥，${seal.algorithm.toUpperCase()}，当前状态：${STATUS_LABELS[seal.status] ?? seal.status}）</dd>
<dt>印章有效期</dt><dd>${cst(seal.notBefore)} 至 ${cst(seal.notAfter)}${seal.retiredAt ? html`；${cst(seal.retiredAt)} 轮换停用` : ''}</dd>` : ''}
<dt>盖章时间</dt><dd>${cst(v.signedAt)}</dd>
${v.signer ? html`<dt>盖章人</dt><dd>${v.signer}</dd>` : ''}
${v.document?.sm3 ? html`<dt>SM3 摘要</dt><dd><code>${v.document.sm3}</code></dd>` : ''}
</dl>
</section>`;
}

function form(): Html {
  return html`<section class="card" aria-labelledby="form-title"><h2 id="form-title">上传待验证的文件</h2>
<form method="post" action="/verify" enctype="multipart/form-data">
<label for="file">文件（已盖章的 PDF，或被签章的原始文件）</label>
<input id="file" name="file" type="file" required>
<p class="hint">已盖章的 PDF 只需上传 PDF 本身；其他文件请同时提供签章记录（.sig.json）。</p>
<label for="signatureFile">签章记录文件（可选）</label>
<input id="signatureFile" name="signatureFile" type="file" accept=".json,application/json">
<label for="signatureText">或粘贴签章记录（JSON）</label>
<textarea id="signatureText" name="signatureText" placeholder='{"type":"qingdan.seal-signature", …}'></textarea>
<button type="submit">验证</button>
</form></section>`;
}

function offline(): Html {
  return html`<section class="card" aria-labelledby="offline"><h2 id="offline">离线验证</h2>
<p>全部印章证书（含已轮换、已吊销的）公布于 <a href="/.well-known/qingdan-seals.json">/.well-known/qingdan-seals.json</a>。签章记录的签名输入为记录去掉 <code>signature</code>、<code>certificate</code>、<code>chain</code> 后按 RFC 8785 规范化的 UTF-8 字节，SM2 签名的用户标识为 1234567812345678，可用 OpenSSL 独立验证：</p>
<p><code>openssl pkeyutl -verify -pubin -inkey 公钥.pem -rawin -in 签名输入 -sigfile 签名.der -digest sm3 -pkeyopt distid:1234567812345678</code></p>
<p>PDF 文件的数字签名可用任何 PDF 阅读器或 <code>pdfsig</code> 检查。</p></section>`;
}

async function render(request: FastifyRequest, result: Html | null): Promise<string> {
  const orgs = await listOrgs(contextOf(request));
  const name = orgs.find((o) => o.kind === 'bureau' && o.parentId === null)?.nameZh ?? '政务服务局';
  const body = html`${PAGE_STYLE}<header><h1>电子印章验证</h1><p><a href="/">${name}</a> · 验证加盖本平台电子印章的文件是否真实、完整</p></header>
<main id="main">${result ?? ''}${form()}${offline()}</main>
<footer>${name} · 主办 · 验证在服务器上完成，上传的文件不保存</footer>`;
  return page(`电子印章验证 · ${name}`, body);
}

interface Upload {
  file?: Buffer;
  signature?: string;
}

async function readUpload(request: FastifyRequest): Promise<Upload> {
  const upload: Upload = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (bytes.length === 0) continue;
      if (part.fieldname === 'file') upload.file = bytes;
      if (part.fieldname === 'signatureFile') upload.signature = bytes.toString('utf8');
    } else if (part.fieldname === 'signatureText' && typeof part.value === 'string' && part.value.trim() && !upload.signature) {
      upload.signature = part.value.trim();
    }
  }
  return upload;
}

/** GET shows the form; POST (multipart) verifies and shows the verdict above the form. */
export const verifyPageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 2, fields: 5, fieldSize: 200_000 } });
  app.get('/verify', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await render(request, null)),
  );
  app.post('/verify', { bodyLimit: MAX_FILE * 2, schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    let result: Html;
    try {
      const upload = await readUpload(request);
      const verification = await verifySubmission(contextOf(request), { document: upload.file, signature: upload.signature });
      result = resultCard(verification);
    } catch (error) {
      const message = error instanceof DomainError ? error.message : (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? '文件过大（上限 20 MB）' : null;
      if (message === null) throw error;
      result = html`<section class="card verdict bad" role="alert"><h2>无法验证</h2><p>${message}</p></section>`;
      reply.status(400);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(await render(request, result));
  });
};
