import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { answeringStorageOutage } from '../../utils/auth/storageOutage'
import { handleLogoutAll } from '../../utils/auth/routes/logout'

export default defineEventHandler(answeringStorageOutage('Signing out everywhere is unavailable for a moment. Please try again in a minute.', event => handleLogoutAll(event, authDeps())))
