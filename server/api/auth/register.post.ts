import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { answeringStorageOutage } from '../../utils/auth/storageOutage'
import { handleRegister } from '../../utils/auth/routes/register'

export default defineEventHandler(answeringStorageOutage('Creating an account is unavailable for a moment. Please try again in a minute.', event => handleRegister(event, authDeps())))
