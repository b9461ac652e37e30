import { ref } from 'vue';
import { api, ApiError } from '../shared/api';

export interface Session {
  userId: string;
  departmentCode: string;
  regionCode: string;
  roles: string[];
  seesAllDepartments: boolean;
}

export const session = ref<Session | null>(null);
export const departmentNames = ref<Record<string, string>>({});

/** Who is signed in; null when nobody is (the sign-in screen shows). */
export async function loadSession(): Promise<Session | null> {
  try {
    session.value = await api<Session>('/api/session');
    const departments = await api<{ code: string; name: string }[]>('/api/departments').catch(() => []);
    departmentNames.value = Object.fromEntries(departments.map((d) => [d.code, d.name]));
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    session.value = null;
  }
  return session.value;
}

export const departmentName = (code: string) => departmentNames.value[code] ?? code;

export async function signOut(): Promise<void> {
  await api('/api/session', { method: 'DELETE' });
  session.value = null;
}
