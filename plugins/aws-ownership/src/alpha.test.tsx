import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import awsOwnershipPlugin, {
  awsOwnershipGroupContent,
  awsOwnershipResourcesContent,
  awsOwnershipReviewPage,
  awsOwnershipSummaryCard,
} from './alpha';
import { awsOwnershipApiRef, awsOwnershipReviewsApiRef } from './api';
import {
  apiEntity,
  componentEntity,
  groupEntity,
  mockApi,
  scorecard,
  scorecardList,
  resourcePage,
  systemEntity,
  userEntity,
} from './__testUtils__/fixtures';

const kinds: Array<[string, Entity]> = [
  ['Group', groupEntity],
  ['Component', componentEntity],
  ['System', systemEntity],
  ['API', apiEntity],
  ['User', userEntity],
];

function shownOn(filter: ((entity: Entity) => boolean) | undefined) {
  expect(filter).toBeDefined();
  return kinds.filter(([, entity]) => filter!(entity)).map(([kind]) => kind);
}

const api = mockApi({
  getScorecard: jest.fn(async () => scorecard()),
  listScorecards: jest.fn(async () => scorecardList()),
  listResources: jest.fn(async () => resourcePage(['orders-queue'])),
});
const apis = [
  [awsOwnershipApiRef, api],
  [awsOwnershipReviewsApiRef, {}],
  mockApis.permission({ authorize: 'DENY' as any }),
] as const;

describe('aws-ownership (new frontend system)', () => {
  it('is the aws-ownership plugin', () => {
    expect(awsOwnershipPlugin.id).toBe('aws-ownership');
  });

  it('shows the "AWS ownership" tab on Groups only', () => {
    const tester = createExtensionTester(awsOwnershipGroupContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'AWS ownership',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/aws-ownership');
    expect(
      shownOn(tester.get(EntityContentBlueprint.dataRefs.filterFunction)),
    ).toEqual(['Group']);
  });

  it('shows the "AWS resources" tab on Components and Systems only', () => {
    const tester = createExtensionTester(awsOwnershipResourcesContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'AWS resources',
    );
    expect(
      shownOn(tester.get(EntityContentBlueprint.dataRefs.filterFunction)),
    ).toEqual(['Component', 'System']);
  });

  it('shows the summary card on Group and Component overviews only', () => {
    const tester = createExtensionTester(awsOwnershipSummaryCard);
    expect(
      shownOn(tester.get(EntityCardBlueprint.dataRefs.filterFunction)),
    ).toEqual(['Group', 'Component']);
  });

  it('renders the summary card for a Group', async () => {
    const tester = createExtensionTester(awsOwnershipSummaryCard, { apis });
    renderInTestApp(
      <EntityProvider entity={groupEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByTestId('aws-ownership-score')).toHaveTextContent(
      '72.5',
    );
  });

  it('renders no card on an API even if mounted there', async () => {
    const tester = createExtensionTester(awsOwnershipSummaryCard, { apis });
    renderInTestApp(
      <>
        <EntityProvider entity={groupEntity}>
          {tester.reactElement()}
        </EntityProvider>
        <EntityProvider entity={apiEntity}>
          <div data-testid="api-host">{tester.reactElement()}</div>
        </EntityProvider>
      </>,
      {
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    // the Group's card has loaded, so the same lazy card has on the API too
    expect(await screen.findByTestId('aws-ownership-score')).toHaveTextContent(
      '72.5',
    );
    expect(screen.getAllByText('AWS ownership')).toHaveLength(1);
    expect(screen.getByTestId('api-host')).toBeEmptyDOMElement();
    expect(api.getScorecard).not.toHaveBeenCalledWith(
      'api:default/orders-openapi',
      undefined,
    );
  });

  it('links the card to the entity tab where the tab is mounted', async () => {
    const tester = createExtensionTester(awsOwnershipSummaryCard, { apis });
    renderInTestApp(
      <EntityProvider entity={componentEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByRole('link', { name: /View AWS ownership/ }),
    ).toHaveAttribute(
      'href',
      `/catalog/default/component/orders-api${createExtensionTester(
        awsOwnershipResourcesContent,
      ).get(coreExtensionData.routePath)}`,
    );
  });

  it('renders the Group tab', async () => {
    const tester = createExtensionTester(awsOwnershipGroupContent, { apis });
    renderInTestApp(
      <EntityProvider entity={groupEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByTestId('aws-ownership-score')).toHaveTextContent(
      '72.5',
    );
    expect(await screen.findByText('orders-queue')).toBeInTheDocument();
  });

  it('mounts the review page at /aws-ownership', async () => {
    const tester = createExtensionTester(awsOwnershipReviewPage, { apis });
    expect(tester.get(coreExtensionData.routePath)).toBe('/aws-ownership');
    renderInTestApp(tester.reactElement(), {
      apis,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole('heading', { name: 'AWS ownership review' }),
    ).toBeInTheDocument();
    expect((await screen.findAllByText('Unowned'))[0]).toBeInTheDocument();
  });
});
