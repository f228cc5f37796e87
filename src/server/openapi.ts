/**
 * OpenAPI 3.1 description of the HTTP API. The answer schema mirrors the
 * `Answer` contract of src/bot/types.ts; the server's tests validate real
 * answers against it so the two cannot drift apart silently.
 */
import { MAX_QUESTION_CHARS, MAX_SESSION_ID_CHARS } from './validation.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const schemas = {
  Lang: { type: 'string', enum: ['fr', 'en'] },
  AnswerRequest: {
    type: 'object',
    required: ['question'],
    properties: {
      question: { type: 'string', minLength: 1, maxLength: MAX_QUESTION_CHARS, description: 'The question, in French or English.' },
      sessionId: {
        type: 'string',
        maxLength: MAX_SESSION_ID_CHARS,
        description:
          'The id returned by a previous answer, to carry the conversation (kept 30 minutes after its last use). ' +
          'An unknown or expired id is replaced by a new one.',
      },
      lang: { ...ref('Lang'), description: 'Answer in this language instead of detecting it.' },
    },
  },
  Source: {
    type: 'object',
    required: ['id', 'title', 'path', 'snippet'],
    properties: {
      id: { type: 'string', description: 'Passage id.' },
      title: { type: 'string', description: 'Document title.' },
      path: { type: 'string', description: 'Corpus-relative path of the file.' },
      page: { type: 'integer', minimum: 1, description: '1-based PDF page.' },
      url: { type: 'string', description: 'Link to the file (and page), e.g. /corpus/reports/x.pdf#page=12.' },
      snippet: { type: 'string', description: 'The quoted sentence(s).' },
    },
  },
  Answer: {
    type: 'object',
    required: ['answer', 'lang', 'kind', 'intent', 'confidence', 'sources', 'suggestions'],
    properties: {
      answer: { type: 'string', description: 'Plain text with light Markdown (lists, bold).' },
      lang: ref('Lang'),
      kind: { type: 'string', enum: ['rule', 'retrieval', 'smalltalk', 'fallback'] },
      intent: { type: 'string' },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      sources: { type: 'array', items: ref('Source') },
      suggestions: { type: 'array', items: { type: 'string' }, description: 'Questions the asker may send next.' },
    },
  },
  AnswerResponse: {
    allOf: [
      ref('Answer'),
      {
        type: 'object',
        required: ['sessionId'],
        properties: { sessionId: { type: 'string', description: 'Send it back to continue the conversation.' } },
      },
    ],
  },
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: {
      error: { type: 'string', description: 'Machine-readable code, e.g. question_too_long.' },
      message: { type: 'string', description: 'What is wrong, in plain English.' },
      field: { type: 'string', description: 'The request field at fault, when there is one.' },
    },
  },
  Health: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['loading', 'ok', 'failed'] },
      documents: { type: 'integer', minimum: 0 },
      passages: { type: 'integer', minimum: 0 },
      builtAt: { type: 'string', format: 'date-time', description: 'When the index was built.' },
      loadedAt: { type: 'string', format: 'date-time', description: 'When this server loaded it.' },
      error: { type: 'string' },
    },
  },
} as const;

export function openApiDocument(version: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'rapporteur',
      version,
      description:
        'Answers plain questions about the indexed reports and articles, citing the source and page. ' +
        'The chat widget uses the WebSocket at /ws (Botkit web-chat messages; the welcome carries ' +
        '`session: {token, resumed}`, and a client resumes the conversation after a reconnection with ' +
        '`{type:"welcome_back", token}`: see docs/server.md); developers use this HTTP API. ' +
        'Conversation ids (sessionId, socket tokens) are issued by the server only: 128 random bits, base64url; ' +
        'an unknown or expired one is replaced by a new one, never adopted. The two channels keep separate conversations.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/api/answer': {
        post: {
          operationId: 'answer',
          summary: 'Answer a question',
          requestBody: { required: true, content: json(ref('AnswerRequest')) },
          responses: {
            '200': { description: 'The answer, with its sources.', content: json(ref('AnswerResponse')) },
            '400': errorResponse('Invalid JSON, missing question, wrong types or a question over 1,000 characters.'),
            '413': errorResponse('Body over 16 KB.'),
            '415': errorResponse('The body is not sent as application/json.'),
            '429': errorResponse('Too many requests; see Retry-After.'),
            '503': errorResponse('The index is still loading.'),
          },
        },
      },
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'Readiness and index size',
          responses: {
            '200': { description: 'Ready.', content: json(ref('Health')) },
            '503': { description: 'Loading, or the index could not be loaded.', content: json(ref('Health')) },
          },
        },
      },
      '/api/admin/reload': {
        post: {
          operationId: 'reload',
          summary: 'Load the index artifact again and swap it in (the file is also watched)',
          security: [{ adminToken: [] }],
          responses: {
            '200': { description: 'Swapped in.' },
            '401': errorResponse('Missing or wrong token.'),
            '403': errorResponse('Admin routes are disabled (no RAPPORTEUR_ADMIN_TOKEN).'),
            '422': errorResponse('The artifact was refused; the previous index stays in service.'),
          },
        },
      },
      '/api/admin/unanswered': {
        get: {
          operationId: 'unanswered',
          summary: 'Questions that got the fallback answer, most asked first',
          security: [{ adminToken: [] }],
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } }],
          responses: {
            '200': { description: '`{ total, distinct, items: [{ question, count, lang, firstAt, lastAt }] }`' },
            '401': errorResponse('Missing or wrong token.'),
            '403': errorResponse('Admin routes are disabled (no RAPPORTEUR_ADMIN_TOKEN).'),
          },
        },
      },
      '/api/openapi.json': {
        get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document.' } } },
      },
    },
    components: { schemas, securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } } },
  };
}
