/** Product name shown in the header and the browser tab. */
export const BRAND = '清单 · 政务服务事项管理';

// Shown on the login page before anyone is signed in (no org to read yet); a deployment for another
// region builds with VITE_SITE_TITLE set.
export const SITE_TITLE: string = import.meta.env.VITE_SITE_TITLE || '乌审旗政务服务事项清单管理系统';
