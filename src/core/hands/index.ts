// The hands module's public face: load a hand (built-in or URDF) and pose it.
export { loadHandModel, type HandModel, type LoadHandModelOptions, type FetchBytes } from './handModel';
export { poseHand, fingertipPositions } from './poseHand';
export { loadBuiltinHand, BUILTIN_HAND_URDF, builtinHandJoints, builtinFingertips, isBuiltinHandId } from './builtin/builtinHands';
export type * from './types';
