import request from 'supertest';

/** Logs into the admin API as Strapi's own login form does and returns the JWT. */
export async function adminLogin(url: string, email: string, password: string): Promise<string> {
  const response = await request(url).post('/admin/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`admin login for ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token as string;
}

export const DEMO_ADMIN = { email: 'admin@example.com', password: 'Demo-Admin-1' };
export const DEMO_AGENT = { email: 'aino@example.com', password: 'Demo-Agent-1' };
