// A dialog around one form: OK validates the form and sends it; while it is being sent OK spins, and what the
// server rejects lands on the fields it names, the rest in an alert above the form.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Modal, type FormInstance, type ModalProps } from 'antd';
import { applyApiError } from '../formErrors.ts';

export interface FormModalProps<V> extends Omit<ModalProps, 'onOk' | 'confirmLoading' | 'children'> {
  form: FormInstance<V>;
  /** The form's field names: the server's errors on these show on the field. */
  fields: string[];
  /** Sends the validated values; an error it throws is shown, and the dialog stays open. */
  onSubmit: (values: V) => Promise<void>;
  /** Shown above the error alert and the form. */
  intro?: ReactNode;
  children: ReactNode;
}

export function FormModal<V>({ form, fields, onSubmit, intro, open, children, ...modal }: FormModalProps<V>) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (open) setFormError(null);
  }, [open]);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      setFormError(applyApiError(form, e, fields));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} destroyOnHidden {...modal} onOk={() => void submit().catch(() => undefined)} confirmLoading={saving}>
      {intro}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}
