// What the in-app notification (站内消息) API sends, defined once for the server and the workbench.

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Absolute path of the page it concerns, e.g. /admin/adjustments/<id>. */
  link: string | null;
  createdAt: string;
  read: boolean;
}
