import type { User } from '@shop/domain';

export function toUser(row: { id: string; email: string; name: string; role: User['role'] }): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
