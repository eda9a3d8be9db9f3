import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { answeringStorageOutage } from '../../utils/auth/storageOutage'
import { handleLogout } from '../../utils/auth/routes/logout'

export default defineEventHandler(answeringStorageOutage('Signing out did not finish. Please try again in a minute.', event => handleLogout(event, authDeps())))
