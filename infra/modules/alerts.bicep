// Azure Monitor alerts on the bot: server errors and failed health checks (App Service
// metrics), restarts and failed broadcasts (the bot's own log lines in Log Analytics),
// all sent to one action group. docs/operations.md says what to look at for each.

@description('Base name for the alerts.')
param name string

@description('Azure region of the log alerts.')
param location string

@description('The App Service that runs the bot.')
param siteName string

@description('Resource id of the Log Analytics workspace holding AppServiceConsoleLogs.')
param workspaceId string

@description('Where alerts are emailed; empty = none (alerts still show in the portal).')
param alertEmailAddress string

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: siteName
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
// whose msg is one the bot writes (test/infra/hardening.test.ts checks them against bot/).
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
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: alert.windowSize
    // The bot's log table may hold no rows yet on a first deployment; the query is
    // still valid, so Azure is told not to refuse it for that.
    skipQueryValidation: true
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

