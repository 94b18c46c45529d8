import { pageMetadata } from "../site";
import { TrustPageBody, loadTrustPage } from "../TrustPageBody";

export async function generateMetadata() {
  const page = await loadTrustPage("OWNERSHIP_AND_FUNDING");
  return pageMetadata("/ownership-and-funding", page.title, page.body.slice(0, 200));
}

export default function Page() {
  return (
    <main style={{ maxWidth: 760 }}>
      <TrustPageBody slug={"OWNERSHIP_AND_FUNDING"} />
    </main>
  );
}
