export { AmazonVendor } from './amazon-vendor.ts';
export type { AmazonVendorOptions } from './amazon-vendor.ts';
