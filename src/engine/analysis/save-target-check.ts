/**
 * The save-target rules as the spec analysis (engine, language server, `check`) sees them: the
 * very rules every save applies (src/formats/save-target.ts), so an editor flags exactly what
 * `train` would refuse.
 */
export {saveTargetProblem, type SaveTargetContext} from '../../formats/save-target';
