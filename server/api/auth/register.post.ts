import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { handleRegister } from '../../utils/auth/routes/register'

export default defineEventHandler(event => handleRegister(event, authDeps()))
