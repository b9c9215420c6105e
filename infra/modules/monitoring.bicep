// Where the bot's logs and telemetry go, and what raises an alarm: a Log Analytics
// workspace receiving the App Service's console (the bot's pino JSON lines), HTTP and
// platform logs; workspace-based Application Insights with local (key) auth off, fed by
// the App Service agent signed in as the bot's identity; and alerts for server errors,
// restarts and failed broadcasts. The saved queries to go with them: docs/operations.md.

@description('Base name for the resources.')
param name string

@description('Azure region.')
param location string

@description('The App Service that runs the bot (its logs and metrics are watched).')
param siteName string

@description('Principal (object) id of the bot\'s managed identity: given Monitoring Metrics Publisher, so it can send telemetry without a key.')
param publisherPrincipalId string

@description('Where alerts are emailed; empty = none (alerts still show in the portal).')
param alertEmailAddress string

@description('Days to keep logs. The bot logs ids only (no names or message text), see bot/log.ts.')
@minValue(30)
param retentionInDays int = 30

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: siteName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only from Entra-authenticated senders (the bot's identity).
    DisableLocalAuth: true
  }
}

// Monitoring Metrics Publisher: despite the name, it may publish all telemetry.
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, metricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: publisherPrincipalId
    // Stated, so Azure does not look the new identity up in Entra ID, which can fail
    // while it is still replicating ("principal not found") on a first deployment.
    principalType: 'ServicePrincipal'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${name}-alerts'
  location: 'global'
  properties: {
    groupShortName: 'nlc-bot'
    enabled: true
    emailReceivers: empty(alertEmailAddress) ? [] : [
      {
        name: 'alert-email'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

// Metric alerts on the App Service itself.
var metricAlerts = [
  {
    suffix: 'http-5xx'
    description: 'The bot answered more than 5 requests with a 5xx status in 15 minutes.'
    severity: 1
    metricName: 'Http5xx'
    operator: 'GreaterThan'
    threshold: 5
    timeAggregation: 'Total'
  }
  {
    suffix: 'health-check'
    description: 'An instance failed the /healthz check (it answers 503 when Cosmos DB does not answer a read).'
    severity: 1
    metricName: 'HealthCheckStatus'
    operator: 'LessThan'
    threshold: 100
    timeAggregation: 'Average'
  }
]

resource siteAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [for alert in metricAlerts: {
  name: '${name}-${alert.suffix}'
  location: 'global'
  properties: {
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [
      site.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: alert.metricName
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: alert.metricName
          operator: alert.operator
          threshold: alert.threshold
          timeAggregation: alert.timeAggregation
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}]

// Log alerts over the bot's own JSON log lines (AppServiceConsoleLogs). Each counts lines
// whose msg is one the bot writes (test/infra/operations.test.ts checks them against bot/).
var logAlerts = [
  {
    suffix: 'restarts'
    description: 'The bot started more than 3 times in an hour: a restart loop (check the console log for the reason, e.g. a bad setting).'
    severity: 1
    windowSize: 'PT1H'
    threshold: 3
    query: 'AppServiceConsoleLogs | extend entry = parse_json(ResultDescription) | where tostring(entry.msg) == "NLC bot listening"'
  }
  {
    suffix: 'broadcast-failures'
    description: 'A broadcast run or delivery failed (not a Teams refusal, which is recorded per recipient): some people may not get the card.'
    severity: 2
    windowSize: 'PT15M'
    threshold: 0
    query: 'AppServiceConsoleLogs | extend entry = parse_json(ResultDescription) | where tostring(entry.msg) in ("broadcast run failed", "broadcast delivery failed")'
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = [for alert in logAlerts: {
  name: '${name}-${alert.suffix}'
  location: location
  properties: {
    displayName: '${name}-${alert.suffix}'
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [
      workspace.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: alert.windowSize
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: alert.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}]

output workspaceId string = workspace.id
output workspaceName string = workspace.name
output appInsightsConnectionString string = appInsights.properties.ConnectionString
