/**
 * The Node flags `npm start` runs the server with (package.json's "start" script), so that the benchmarks
 * measure the bot as it serves. A larger young generation (64 MB semi-spaces instead of 16) means fewer
 * scavenges while answering: `npm run bench -- bot` measured answer()'s p99 at 4.7–7.6 ms over four runs,
 * against 9–13 ms without, for about 120 MB more resident memory (570 MB instead of 450).
 */
export const SERVER_NODE_FLAGS: string[] = ['--max-semi-space-size=64'];
