import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { answeringStorageOutage } from '../../utils/auth/storageOutage'
import { handleLogin } from '../../utils/auth/routes/login'

export default defineEventHandler(answeringStorageOutage('Signing in is unavailable for a moment. Please try again in a minute.', event => handleLogin(event, authDeps())))
