/**
 * A task run one at a time: asked for while it runs, it runs once more after it (so the last state is
 * always shown, never two runs at once, never a queue of them). The returned promise is the run's.
 */
export function oneAtATime(task: () => Promise<void>): () => Promise<void> {
    let running: Promise<void> | undefined;
    let again = false;
    const run = (): Promise<void> => {
        if (running) {
            again = true;
            return running;
        }
        running = task().finally(() => {
            running = undefined;
            if (again) {
                again = false;
                void run();
            }
        });
        return running;
    };
    return run;
}
