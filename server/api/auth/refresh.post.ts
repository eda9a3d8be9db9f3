import { defineEventHandler } from 'h3'
import { authDeps } from '../../utils/auth/context'
import { handleRefresh } from '../../utils/auth/routes/refresh'

export default defineEventHandler(event => handleRefresh(event, authDeps()))
