import type {
  AwsOwnershipEvidenceExtensionPoint,
  AwsOwnershipEvidenceProvider,
} from '@aws-ownership/backstage-plugin-node';

/** Collects the evidence providers backend modules add through the extension point. */
export class EvidenceProviderRegistry
  implements AwsOwnershipEvidenceExtensionPoint
{
  private readonly providers: AwsOwnershipEvidenceProvider[] = [];

  addEvidenceProviders(...providers: AwsOwnershipEvidenceProvider[]): void {
    for (const provider of providers) {
      if (typeof provider?.readAccount !== 'function' || !provider.source) {
        throw new Error(
          'aws-ownership: an evidence provider needs a source and a readAccount function',
        );
      }
      this.providers.push(provider);
    }
  }

  /** The providers added, in order. */
  list(): ReadonlyArray<AwsOwnershipEvidenceProvider> {
    return [...this.providers];
  }
}
