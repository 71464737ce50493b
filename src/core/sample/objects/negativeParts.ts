import type { SampleCategory } from './index';

/**
 * For each sample category, the parts a functional grasp must not touch (the ground truth NAA is
 * measured against) and the default text the studio asks CLIP to find them with (AffordDex's
 * "a photo of the ... part"; editable per object in the Affordance panel).
 */
export const NEGATIVE_PARTS: Record<SampleCategory, { parts: string[]; query: string }> = {
  power_drill: { parts: ['chuck'], query: 'a photo of the chuck part' },
  pen: { parts: ['tip'], query: 'a photo of the tip part' },
  microphone: { parts: ['head'], query: 'a photo of the head part' },
  phone: { parts: ['camera_bump'], query: 'a photo of the camera part' },
  spray_bottle: { parts: ['nozzle'], query: 'a photo of the nozzle part' },
  wine_glass: { parts: ['bowl'], query: 'a photo of the bowl part' },
  tongs: { parts: ['tip_left', 'tip_right'], query: 'a photo of the tip part' },
  syringe: { parts: ['needle'], query: 'a photo of the needle part' },
  mug: { parts: ['body'], query: 'a photo of the body part' },
  sword: { parts: ['blade'], query: 'a photo of the blade part' },
};
