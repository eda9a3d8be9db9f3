import type { RegisterRequestDto, UserDto, UserUpdateDto } from '../dto'
import type { ProfileChanges, Registration, User } from '../domain/user'

export function toUser(dto: UserDto): User {
  const firstName = dto.first_name ?? ''
  const lastName = dto.last_name ?? ''
  const fullName = `${firstName} ${lastName}`.trim()
  return { id: dto.id, email: dto.email, firstName, lastName, displayName: fullName || dto.email, memberSince: dto.date_joined }
}

export function toRegisterRequest(input: Registration): RegisterRequestDto {
  return { email: input.email.trim(), password: input.password, first_name: input.firstName.trim(), last_name: input.lastName.trim() }
}

export function toUserUpdate(changes: ProfileChanges): UserUpdateDto {
  return { first_name: changes.firstName.trim(), last_name: changes.lastName.trim() }
}
