import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { handleLogoutAll } from '../../utils/auth/routes/logout'

export default defineEventHandler(event => handleLogoutAll(event, authDeps()))
