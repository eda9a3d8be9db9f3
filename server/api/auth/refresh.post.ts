import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { answeringStorageOutage } from '../../utils/auth/storageOutage'
import { handleRefresh } from '../../utils/auth/routes/refresh'

export default defineEventHandler(answeringStorageOutage('Your session could not be checked just now. Please try again in a minute.', event => handleRefresh(event, authDeps())))
