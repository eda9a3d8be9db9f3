import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { answeringStorageOutage } from '../../utils/auth/storageOutage'
import { handleChangePassword } from '../../utils/auth/routes/password'

export default defineEventHandler(answeringStorageOutage('Changing your password is unavailable for a moment. Please try again in a minute.', event => handleChangePassword(event, authDeps())))
