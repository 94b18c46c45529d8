import { notFound } from "next/navigation";
import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";
import { ClaimWorkspace } from "./ClaimWorkspace";

export const metadata = { title: "Claim" };

const ClaimPageQuery = graphql(`
  query ClaimPage($id: ID!) {
    me {
      id
      role
    }
    node(id: $id) {
      __typename
      ... on Claim {
        ...ClaimFields
      }
    }
    defaultRatingScale {
      ratings {
        id
        label
        description
        color
        value
      }
    }
    users {
      id
      name
      role
      canBeAssigned
      canReview
    }
  }
`);

graphql(`
  fragment ClaimFields on Claim {
    id
    quote
    claimReviewed
    status
    version
    tags
    explanation
    claimDate
    viewerCanEdit
    availableMoves
    viewerCan {
      edit
      assign
      plan
      publish
    }
    speaker {
      id
      name
      title
    }
    assignee {
      id
      name
    }
    ...ClaimPlan
    rating {
      id
      label
      color
    }
    appearances {
      id
      spanStart
      spanEnd
      article {
        id
        title
        body
      }
    }
    evidence(first: 50) {
      totalCount
      edges {
        node {
          id
          stance
          passage
          location
          source {
            id
            title
            url
            archivedUrl
            publisher
            type
          }
        }
      }
    }
    comments {
      id
      body
      createdAt
      author {
        name
      }
    }
    history {
      id
      action
      createdAt
      before
      after
      actor {
        name
      }
    }
    factCheck {
      id
      headline
      status
      url
    }
    claimReviewPreview
    ...PublicationFields
    duplicateOf {
      id
      claimReviewed
    }
    matches {
      score
      level
      closeInMeaning
      claim {
        id
        claimReviewed
        status
        createdAt
        rating {
          label
          color
        }
        appearances {
          article {
            id
            title
          }
        }
      }
      publishedFactCheck {
        id
        headline
        publishedAt
      }
      externalFactCheck {
        id
        url
        claimReviewed
        publisherName
        ratingLabel
      }
    }
  }
`);

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await serverQuery(ClaimPageQuery, { id: decodeURIComponent(id) });
  if (data.node?.__typename !== "Claim" || !data.me) notFound();
  return <ClaimWorkspace initial={data.node} me={data.me} ratings={data.defaultRatingScale?.ratings ?? []} users={data.users} />;
}
