import { defineEventHandler, setResponseHeader } from 'h3'
import { requestIdFor } from '../utils/requestId'

// Every response names its request, so a shopper's report and the server and backend logs can be matched.
export default defineEventHandler((event) => {
  setResponseHeader(event, 'x-request-id', requestIdFor(event))
})
