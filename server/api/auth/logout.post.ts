import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { handleLogout } from '../../utils/auth/routes/logout'

export default defineEventHandler(event => handleLogout(event, authDeps()))
