/** The worker thread of `--jobs N` (a Piscina pool): checks one page per task. */
import { checkTask } from './check-page';

export default checkTask;
