/*
 * The batch worker thread: started by the pool (pool.ts) with a task name and its settings, it sets
 * the task up once (compiles the lexicon), then answers each item with the task's output. The tasks
 * are the library's (classifyMany) and the CLI's (read, parse, classify and serialize a unit of
 * input); both live in the one worker script the build ships.
 */
import { parentPort, workerData } from "node:worker_threads";
import { cliTask } from "../cli/units.js";
import { classifyTask } from "./classify-task.js";
import type { PoolReply, PoolRequest } from "./pool.js";

const TASKS: Record<string, (settings: never) => (item: never) => unknown> = {
  classify: classifyTask,
  cli: cliTask,
};

const { task, settings } = workerData as { task: string; settings: never };
const make = TASKS[task];
if (!make) throw new Error(`unknown batch task ${task}`);
const run = make(settings);

parentPort?.on("message", ({ seq, item }: PoolRequest<never>) => {
  let reply: PoolReply<unknown>;
  try {
    reply = { seq, output: run(item) };
  } catch (error) {
    reply = { seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
