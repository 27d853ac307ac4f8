import type { Queryable } from '@truce/store';

/** Opens an agreement to anonymous readers, read-only, or closes it again. */
export async function setPublic(db: Queryable, agreementId: string, open: boolean): Promise<void> {
  if (open)
    await db.query('INSERT INTO public_agreements (agreement_id) VALUES ($1) ON CONFLICT DO NOTHING', [
      agreementId,
    ]);
  else await db.query('DELETE FROM public_agreements WHERE agreement_id = $1', [agreementId]);
}
