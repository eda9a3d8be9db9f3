import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { handleSession } from '../../utils/auth/routes/session'

export default defineEventHandler(event => handleSession(event, authDeps()))
