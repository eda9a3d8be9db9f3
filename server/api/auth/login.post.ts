import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { handleLogin } from '../../utils/auth/routes/login'

export default defineEventHandler(event => handleLogin(event, authDeps()))
