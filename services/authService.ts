import type { ApiClient } from '~/composables/core/api/types'
import type { UserDto } from './dto'
import type { Credentials, ProfileChanges, Registration, ServerSession, SignedIn, User } from './domain/user'
import { toRegisterRequest, toUser, toUserUpdate } from './mappers/user'

/** The BFF's answer to login/register (server/api/auth/*): the backend user DTO plus the access token. */
interface SignedInDto {
  access: string
  user: UserDto
}

interface SessionDto {
  user: UserDto | null
  access?: string
}

/** The BFF's CSRF check: same-origin script adds it; a cross-site form cannot. */
const BFF = { auth: false, headers: { 'x-requested-with': 'storefront' } } as const

/**
 * Sign-in flows go to the BFF (/api/auth/*), which keeps the refresh token in an httpOnly cookie; the profile
 * goes to the backend's /auth/me/ through the proxy with the access token. Stateless.
 */
export function authService(api: ApiClient) {
  const signedIn = (dto: SignedInDto): SignedIn => ({ user: toUser(dto.user), accessToken: dto.access })

  return {
    async login(credentials: Credentials): Promise<SignedIn> {
      return signedIn(await api.post<SignedInDto>('/auth/login', { email: credentials.email.trim(), password: credentials.password }, BFF))
    },
    async register(input: Registration): Promise<SignedIn> {
      return signedIn(await api.post<SignedInDto>('/auth/register', toRegisterRequest(input), BFF))
    },
    async logout(): Promise<void> {
      await api.post<unknown>('/auth/logout', undefined, BFF)
    },
    async logoutEverywhere(): Promise<void> {
      await api.post<unknown>('/auth/logout-all', undefined, BFF)
    },
    /** For the server render: who the refresh cookie belongs to (rotating it). */
    async session(): Promise<ServerSession> {
      const dto = await api.get<SessionDto>('/auth/session', undefined, { auth: false })
      return { user: dto.user ? toUser(dto.user) : null, accessToken: dto.access ?? null }
    },
    async me(): Promise<User> {
      return toUser(await api.get<UserDto>('/auth/me/'))
    },
    async updateProfile(changes: ProfileChanges): Promise<User> {
      return toUser(await api.patch<UserDto>('/auth/me/', toUserUpdate(changes)))
    },
  }
}

export type AuthService = ReturnType<typeof authService>
